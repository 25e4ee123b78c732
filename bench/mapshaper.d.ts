// Minimal types for mapshaper (end-to-end benchmark comparison only; it ships none).
declare module 'mapshaper' {
  const mapshaper: {
    /** Runs mapshaper commands on in-memory inputs (file name → content); resolves to the output files. */
    applyCommands(
      commands: string,
      inputs: Record<string, string>,
    ): Promise<Record<string, string | Uint8Array>>;
  };
  // biome-ignore lint/style/noDefaultExport: the module shape mapshaper itself ships (a default export)
  export default mapshaper;
}
