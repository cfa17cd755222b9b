#!/usr/bin/env node
// `npm create charter@latest my-app` runs this bin from the create-charter package.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
