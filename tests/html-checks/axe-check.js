// Runs axe-core (WCAG 2.1 A and AA rules) on each HTML file named on the command line, in
// Debian's Chromium, offline. Prints every violation as `file: rule: help (n nodes)`; exit 1 if any.
'use strict';
const path = require('path');
const puppeteer = require('puppeteer-core');
const axeSource = require('axe-core').source;

async function main(files) {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  let violations = 0;
  let requests = 0;
  try {
    const page = await browser.newPage();
    // The pages must make no external requests: count every request that is not the file itself.
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      if (!req.url().startsWith('file://') && !req.url().startsWith('data:')) {
        requests++;
        console.log(`external request: ${req.url()}`);
        req.abort();
      } else {
        req.continue();
      }
    });
    // The page's Content-Security-Policy must not block anything of its own (its style, its
    // script): Chromium reports each blocked item on the console.
    let current = '';
    page.on('console', (msg) => {
      if (msg.text().includes('Content Security Policy')) {
        violations++;
        console.log(`${current}: csp: ${msg.text().slice(0, 200)}`);
      }
    });
    for (const file of files) {
      current = file;
      await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
      await page.evaluate(axeSource);
      const result = await page.evaluate(async () =>
        await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
      for (const v of result.violations) {
        violations++;
        console.log(`${file}: ${v.id}: ${v.help} (${v.nodes.length} nodes) e.g. ${v.nodes[0].html.slice(0, 160)}`);
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`axe: ${files.length} pages, ${violations} violations, ${requests} external requests`);
  process.exit(violations || requests ? 1 : 0);
}

main(process.argv.slice(2)).catch((e) => { console.error(`axe-check: ${e.message}`); process.exit(2); });
