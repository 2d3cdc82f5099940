#!/usr/bin/env node
// A committed shim, so the bin exists before the first build and installs link it without warnings.
import '../dist/cli.js'
