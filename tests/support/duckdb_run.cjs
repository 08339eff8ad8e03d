// Runs the SQL of a file with DuckDB (@duckdb/node-api, found through NODE_PATH), statement
// by statement, and prints each result as JSON Lines; exit 1 with DuckDB's message when a
// statement fails. Used by doc_examples.py for the ```sql examples of the docs.
//
//   NODE_PATH=DIR/node_modules node duckdb_run.cjs FILE.sql
'use strict';
const fs = require('fs');
const { DuckDBInstance } = require('@duckdb/node-api');

async function main(file) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const statements = await connection.extractStatements(fs.readFileSync(file, 'utf8'));
  for (let i = 0; i < statements.count; i++) {
    const prepared = await statements.prepare(i);
    const result = await prepared.runAndReadAll();
    for (const row of result.getRowObjectsJson()) console.log(JSON.stringify(row));
  }
}

main(process.argv[2]).catch((error) => {
  console.error(`duckdb: ${error.message}`);
  process.exit(1);
});
