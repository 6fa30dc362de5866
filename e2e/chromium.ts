// The system Chromium (Playwright cannot download browsers here), with the flags every suite uses.
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: process.env.BELFRY_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
