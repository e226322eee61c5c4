// The web app's API client, generated from the OpenAPI document the API serves at /docs-json
// (written without a database by `npm run cli -- openapi`). Regenerate: npm run web:client
export default {
  input: 'apps/web/openapi.json',
  output: { path: 'apps/web/src/api/generated' },
  logs: { file: false },
  plugins: [{ name: '@hey-api/client-fetch', throwOnError: true }, '@hey-api/typescript', '@hey-api/sdk'],
};
