// Renders assets/icon.svg into every icon the installers need: PNGs for Linux (16–1024 px),
// icon.icns for macOS, icon.ico for Windows. Run after changing the SVG; the outputs are committed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import png2icons from 'png2icons';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const assets = path.join(root, 'assets');
const svg = fs.readFileSync(path.join(assets, 'icon.svg'), 'utf8');
const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const browser = await chromium.launch({
  executablePath: process.env.TILTFOLIO_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-quic',
  ],
});
const page = await browser.newPage();
fs.mkdirSync(path.join(assets, 'icons'), { recursive: true });
for (const size of sizes) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  fs.writeFileSync(path.join(assets, 'icons', `${size}x${size}.png`), png);
}
await browser.close();

const master = fs.readFileSync(path.join(assets, 'icons', '1024x1024.png'));
fs.copyFileSync(path.join(assets, 'icons', '512x512.png'), path.join(assets, 'icon.png'));
fs.writeFileSync(path.join(assets, 'icon.icns'), png2icons.createICNS(master, png2icons.BICUBIC, 0));
fs.writeFileSync(path.join(assets, 'icon.ico'), png2icons.createICO(master, png2icons.BICUBIC, 0, false, true));
console.log(`icons written to ${path.relative(process.cwd(), assets)}`);
