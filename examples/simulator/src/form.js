/**
 * The form kit with a JSON-Schema form library: the ITIE application form rendered by
 * react-jsonschema-form from `applicationJsonSchema(ruleSet, { lang })` alone (labelled choices from
 * `oneOf`/`anyOf` of `const` + `title`). `?lang=en` for English; `?invalid=1` starts from an invalid
 * budget. The example application is the form's initial data.
 */
import Form from '@rjsf/core';
import { customizeValidator } from '@rjsf/validator-ajv8';
import Ajv2020 from 'ajv/dist/2020.js';
import { itieRuleSets } from 'cprdfop/itie';
import { APPLICATION_SCHEMA_KEYWORDS, applicationJsonSchema } from 'cprdfop/rules';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import example from '../../applications/eligible-mobilite-laonnois.json';

const query = new URLSearchParams(location.search);
const lang = query.get('lang') === 'en' ? 'en' : 'fr';
document.documentElement.lang = lang;
const schema = applicationJsonSchema(itieRuleSets().at(-1), { lang });
const formData = structuredClone(example);
if (query.get('invalid')) formData.budget.total = -1;
// The schema is JSON Schema 2020-12; its bilingual annotations are declared keywords.
const customValidator = customizeValidator({
  AjvClass: Ajv2020,
  ajvOptionsOverrides: { keywords: [...APPLICATION_SCHEMA_KEYWORDS] },
  customFormats: { date: (value) => value.length === 10 && !Number.isNaN(Date.parse(value)) },
});

createRoot(document.getElementById('form')).render(
  createElement(Form, {
    schema,
    formData,
    validator: customValidator,
    noHtml5Validate: true,
    uiSchema: {
      $schema: { 'ui:widget': 'hidden' },
      themes: { 'ui:widget': 'checkboxes' },
      publics: { 'ui:widget': 'checkboxes' },
    },
    onSubmit: () => {
      document.body.dataset.submitted = 'ok';
    },
    onError: (errors) => {
      document.body.dataset.submitted = 'error';
      document.body.dataset.errors = errors.map((error) => error.property).join(' ');
    },
  }),
);
requestAnimationFrame(() => {
  document.body.dataset.ready = 'true';
});
