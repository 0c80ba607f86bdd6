#!/usr/bin/env node
import { runCli } from './program';
import { processIo } from './runtime/cli-io';

void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
