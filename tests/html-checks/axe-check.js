// Runs axe-core (WCAG 2.1 A and AA rules) on each HTML file named on the command line, in
// Debian's Chromium, offline, at 1280 and at 400 px wide; checks the phone layout (nothing wider
// than the screen but inside its own scroll box, no caption running off it, no text under 12 px)
// and the print layout (A4: nothing cut at the page's edge, no table scrolled out of sight).
// Prints every violation as `file: rule: help`; exit 1 if any.
'use strict';
const path = require('path');
const puppeteer = require('puppeteer-core');
const axeSource = require('axe-core').source;

// Run inside the page at 400 px: what a phone user cannot read or reach.
function phoneProblems() {
  const problems = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width + 1)
    problems.push(`the page is ${document.documentElement.scrollWidth} px wide on a ${width} px screen`);
  // A caption is read before its table is scrolled: it wraps on the screen instead of running off it.
  document.querySelectorAll('caption').forEach((caption) => {
    const right = caption.getBoundingClientRect().right;
    if (right > width + 1 && problems.length < 6)
      problems.push(`caption "${caption.textContent.slice(0, 40)}" runs to ${Math.round(right)} px on a ${width} px screen`);
  });
  // Text under 12 px: HTML text by its computed size, chart text by its size times the chart's scale.
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || seen.has(el)) continue;
    seen.add(el);
    if (el.closest('[hidden], .skip') || el.getClientRects().length === 0) continue;
    let size = parseFloat(getComputedStyle(el).fontSize);
    const svg = el.closest('svg');
    if (svg) size *= svg.getScreenCTM().a;
    if (size < 11.95) problems.push(`text of ${size.toFixed(1)} px: "${node.textContent.trim().slice(0, 40)}"`);
    if (problems.length > 5) break;
  }
  return problems;
}

// Run inside the page in print media at A4 width: what would be cut off on paper.
function printProblems() {
  const problems = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width + 1)
    problems.push(`the printed page is ${document.documentElement.scrollWidth} px wide, A4 holds ${width} px`);
  // A table wider than its box scrolls on screen; on paper its last columns would be lost.
  document.querySelectorAll('.table-wrap, figure, svg').forEach((box) => {
    if (box.scrollWidth > box.clientWidth + 1 && problems.length < 6) {
      const caption = box.querySelector('caption');
      problems.push(`${box.tagName.toLowerCase()} ${caption ? '"' + caption.textContent.slice(0, 50) + '"' : ''} is ` +
                    `${box.scrollWidth} px wide in a box of ${box.clientWidth} px: its right side would be cut`);
    }
  });
  return problems;
}

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
    const report = (file, rule, text) => {
      violations++;
      console.log(`${file}: ${rule}: ${text}`);
    };
    for (const file of files) {
      current = file;
      for (const width of [1280, 400]) {
        await page.emulateMediaType('screen');
        await page.setViewport({ width, height: 900 });
        await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
        await page.evaluate(axeSource);
        const result = await page.evaluate(async () =>
          await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
        for (const v of result.violations)
          report(file, `${v.id} at ${width} px`, `${v.help} (${v.nodes.length} nodes) e.g. ${v.nodes[0].html.slice(0, 160)}`);
        if (width === 400) for (const problem of await page.evaluate(phoneProblems)) report(file, 'phone at 400 px', problem);
      }
      // Print: A4 portrait with the browser's default margins leaves about 718 px of width.
      await page.emulateMediaType('print');
      await page.setViewport({ width: 718, height: 1000 });
      for (const problem of await page.evaluate(printProblems)) report(file, 'print on A4', problem);
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      if (pdf.length < 1000) report(file, 'print on A4', 'the print to PDF is empty');
    }
  } finally {
    await browser.close();
  }
  console.log(`axe: ${files.length} pages, ${violations} violations, ${requests} external requests`);
  process.exit(violations || requests ? 1 : 0);
}

main(process.argv.slice(2)).catch((e) => { console.error(`axe-check: ${e.message}`); process.exit(2); });
