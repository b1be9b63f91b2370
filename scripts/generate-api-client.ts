/**
 * Writes src/client/schema.ts, the TypeScript types of the REST API, from the OpenAPI
 * document the server serves at /openapi.json. `--check` writes nothing and fails when
 * the committed file differs, so a route changed without regenerating fails typecheck.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import prettier from 'prettier';
import { openApiDocument } from './openapi-document.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemaFile = path.join(root, 'src/client/schema.ts');

const HEADER = `/**
 * The REST API's types, generated from /openapi.json by \`npm run api:generate\`.
 * Do not edit: change the route schemas and run the script again.
 */

`;

async function generateSchema(): Promise<string> {
  // No environment: the committed types must not depend on who generated them.
  const ast = await openapiTS((await openApiDocument({})) as unknown as OpenAPI3);
  const source = HEADER + astToString(ast);
  const options = (await prettier.resolveConfig(schemaFile)) ?? {};
  return prettier.format(source, { ...options, filepath: schemaFile });
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const generated = await generateSchema();
  const relative = path.relative(root, schemaFile);
  if (!check) {
    await writeFile(schemaFile, generated);
    console.log(`Wrote ${relative}`);
    return;
  }
  const committed = await readFile(schemaFile, 'utf8').catch(() => '');
  if (committed !== generated) {
    console.error(
      `${relative} does not match the routes: the API types are stale: run npm run api:generate`,
    );
    process.exitCode = 1;
  }
}

await main();
