// Times flowchart.js's own `parse(text)` on each input, the way a page calls it, after warm-up.
// Written for InterviewFlow's side-by-side benchmark (run.sh); it contains no flowchart.js code:
// it loads `src/flowchart.parse.js` from the checkout given on the command line, with `raphael`
// answered by the stub module run.sh puts on NODE_PATH (parsing never draws).
//
// usage: node time_parse.js FLOWCHART_JS_DIR ROW…
//   ROW is `NAME=FILE[,FILE…]`: one row per NAME; the files of a row are parsed one after another as
//   one sample (a corpus of small files is timed as a folder is linted).
// prints one line per row: NAME <tab> median ms <tab> samples <tab> nodes flowchart.js built
'use strict';
const fs = require('fs');
const path = require('path');
const { performance } = require('perf_hooks');

const [dir, ...rows] = process.argv.slice(2);
const parse = require(path.resolve(dir, 'src/flowchart.parse.js'));

// Median of `body`'s wall time in ms: warm-up for at least 2 s and 3 runs so the JIT has compiled
// `parse` (the first runs of a 1,000-node chart are 5 times slower), then at least 5 samples, more
// while under 3 s in total (at most 2,001).
function median(body) {
  const warmStart = performance.now();
  for (let n = 0; n < 3 || performance.now() - warmStart < 2000; n++) body();
  const samples = [];
  let total = 0;
  while (samples.length < 5 || (total < 3000 && samples.length < 2001)) {
    const t0 = performance.now();
    body();
    const ms = performance.now() - t0;
    samples.push(ms);
    total += ms;
  }
  samples.sort((a, b) => a - b);
  return [samples[samples.length >> 1], samples.length];
}

for (const row of rows) {
  const at = row.indexOf('=');
  const name = row.slice(0, at);
  const texts = row.slice(at + 1).split(',').map((f) => fs.readFileSync(f, 'utf8'));
  let nodes = 0;
  for (const text of texts) nodes += Object.keys(parse(text).symbols).length;
  let sink = 0;
  const [ms, count] = median(() => {
    for (const text of texts) sink += parse(text).start ? 1 : 0;
  });
  if (sink < 0) console.error(sink); // keeps the results alive
  console.log(`${name}\t${ms.toFixed(4)}\t${count}\t${nodes}`);
}
