// Uses a transparency page as its reader would, in Chromium: without JavaScript every row reads;
// with it the parts fold under their provider, a column head sorts the providers, the search box
// filters them. Prints one line per finding and `transparency: ok` at the end; exit 1 on a finding.
'use strict';
const path = require('path');
const puppeteer = require('puppeteer-core');

// Numbers as the page shows them ("€ 6.666", "18%", "7,1"); suppressed cells have none.
const numberOf = (text) => (/[*<–]/.test(text) ? null : parseFloat(text.replace(/[^0-9,-]/g, '').replace(',', '.')));

async function main(file) {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const problems = [];
  const check = (ok, text) => { if (!ok) problems.push(text); };
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
    const url = 'file://' + path.resolve(file);
    const visibleParts = () => page.$$eval('tr.part', (rows) => rows.filter((r) => r.getClientRects().length > 0).length);

    await page.setJavaScriptEnabled(false);
    await page.goto(url, { waitUntil: 'load' });
    const parts = await page.$$eval('tr.part', (rows) => rows.length);
    check(parts > 0, 'the page has no rows below its providers');
    check(await visibleParts() === parts, 'without JavaScript some rows below a provider are hidden');

    await page.setJavaScriptEnabled(true);
    await page.goto(url, { waitUntil: 'load' });
    check(await visibleParts() === 0, 'with JavaScript the rows below the providers start unfolded');
    const first = await page.$('#aanbieders button.toggle');
    if (!first) throw new Error('no fold button: the script did not run (is its hash in the page\'s policy?)');
    await first.click();
    const opened = await page.$eval('#aanbieders button.toggle', (b) => [b.getAttribute('aria-expanded'),
      b.closest('tbody').querySelectorAll('tr.part').length]);
    check(opened[0] === 'true', 'the fold button does not say it is open');
    check(await visibleParts() === opened[1], `one provider opened shows ${await visibleParts()} rows, not its ${opened[1]}`);

    // Sort by n, twice: high to low.
    await page.click('thead th:nth-child(2) button.sort');
    await page.click('thead th:nth-child(2) button.sort');
    const sorted = await page.$$eval('#aanbieders tr.provider', (rows) => rows.map((r) => r.cells[1].textContent));
    const values = sorted.map(numberOf).filter((v) => v !== null);
    check(values.every((v, i) => i === 0 || values[i - 1] >= v), `n is not sorted high to low: ${values.join(' ')}`);
    check(await page.$eval('thead th:nth-child(2)', (th) => th.getAttribute('aria-sort')) === 'descending',
          'the sorted column does not say so (aria-sort)');

    // Search: the first provider's name finds it.
    const name = await page.$eval('#aanbieders tr.provider th', (th) => th.firstChild.textContent.trim());
    await page.type('#zoek', name.slice(0, 12));
    const shown = await page.$$eval('#aanbieders tbody', (bodies) => bodies.filter((b) => !b.hidden).map((b) => b.rows[0].cells[0].firstChild.textContent.trim()));
    check(shown.length >= 1 && shown.every((n) => n.toLowerCase().includes(name.slice(0, 12).toLowerCase())),
          `searching "${name.slice(0, 12)}" shows ${shown.join(', ')}`);
    check((await page.$eval('#aantal', (p) => p.textContent)).includes('gevonden'), 'the search does not say how many it found');
  } finally {
    await browser.close();
  }
  for (const p of problems) console.log(`${file}: ${p}`);
  console.log(problems.length ? `transparency: ${problems.length} problems` : 'transparency: ok');
  process.exit(problems.length ? 1 : 0);
}

main(process.argv[2]).catch((e) => { console.error(`transparency-check: ${e.message}`); process.exit(2); });
