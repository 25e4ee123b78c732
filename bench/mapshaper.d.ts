// Minimal types for mapshaper (end-to-end benchmark comparison only; it ships none).
declare module 'mapshaper' {
  const mapshaper: {
    /** Runs mapshaper commands on in-memory inputs (file name → content); resolves to the output files. */
    applyCommands(
      commands: string,
      inputs: Record<string, string>,
    ): Promise<Record<string, string | Uint8Array>>;
  };
  export default mapshaper;
}
