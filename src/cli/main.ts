#!/usr/bin/env node
import { runCli } from "./run-cli.js";

// `crm-kpi report | head` closes the pipe early: stop quietly (exit 0), as cat
// and grep do, instead of an EPIPE stack trace. When stdout is a socket (a
// spawning process's pipe) the same closing arrives as ECONNRESET. Other stream
// errors stay errors.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE" || error.code === "ECONNRESET") process.exit(0);
    throw error;
  });
}

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  isTTY: process.stderr.isTTY === true,
});
process.exitCode = code;
