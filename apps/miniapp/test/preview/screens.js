#!/usr/bin/env node
/**
 * Screenshots of every screen of the H5 build at 375×812, driven through the graduate's and
 * the admin's journeys against test/preview/mock-api.js. Checks that nothing scrolls
 * sideways. Output: apps/miniapp/artifacts/screens/*.png
 *   node test/preview/screens.js   (after `npm run build:h5`)
 */
const { spawn } = require('node:child_process');
const { mkdirSync } = require('node:fs');
const { join } = require('node:path');
const { chromium } = require('playwright-core');

const port = 4173 + Math.floor(Math.random() * 500);
const base = `http://127.0.0.1:${port}`;
const out = join(__dirname, '..', '..', 'artifacts', 'screens');
mkdirSync(out, { recursive: true });

// Valid GB 11643 numbers from the rules library itself (built here if stale, as `npm start` does).
const { buildIfStale, RULES } = require('../../../../scripts/build-if-stale');
buildIfStale(RULES);
const { idCheckChar } = require('@xianjie/rules');
const idNumber = (first17) => first17 + idCheckChar(first17);
const GRAD = idNumber('42010220020315011');
const ADMIN = idNumber('42010219850101002');

(async () => {
  const server = spawn(process.execPath, [join(__dirname, 'mock-api.js'), String(port)], { stdio: 'inherit' });
  await new Promise((r) => setTimeout(r, 600));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const problems = [];
  let n = 0;
  try {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    const visible = (text) => page.getByText(text, { exact: true }).locator('visible=true').first();
    const tap = async (text) => { await visible(text).click(); await page.waitForTimeout(350); };
    const type = async (label, value) => { await page.getByLabel(label).locator('visible=true').first().fill(value); };
    const shot = async (name) => {
      await page.waitForTimeout(400);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      if (wide > 375) problems.push(`${name}: page is ${wide}px wide (scrolls sideways)`);
      n += 1;
      await page.screenshot({ path: join(out, `${String(n).padStart(2, '0')}-${name}.png`), fullPage: true });
    };

    await page.goto(`${base}/`);
    await visible('登录').waitFor();
    await shot('login');
    await type('身份证号', GRAD);
    await type('密码', 'wrong-password');
    await tap('登录');
    await shot('login-error');
    await type('密码', GRAD.slice(-8));
    await tap('登录');
    await visible('确认修改').waitFor();
    await shot('password-forced');
    await type('当前密码', GRAD.slice(-8));
    await type('新密码', 'Newpass2025');
    await type('再次输入新密码', 'Newpass2025');
    await tap('确认修改');
    await visible('开始办理组织关系转接').waitFor();
    await shot('home');
    await tap('开始办理组织关系转接');
    await shot('question-1');
    await tap('已落实工作单位（含自主创业）');
    await tap('是，我是团员');
    await tap('能查到');
    await shot('question-employer-org');
    await tap('有');
    await tap('其他省（区、市）');
    await visible('选择接收组织').waitFor();
    await shot('resolution');
    await tap('选择接收组织');
    await visible('共青团湖北省委').waitFor();
    await shot('picker-provinces');
    await tap('共青团湖北省委');
    await visible('共青团武汉市委').waitFor();
    await tap('共青团武汉市委');
    await visible('武汉光谷科技有限公司团委').waitFor();
    await shot('picker-drilldown');
    await type('输入组织名称搜索', '关山');
    await tap('搜索');
    await shot('picker-search');
    await type('输入组织名称搜索', '光谷');
    await tap('搜索');
    await page.locator('.org-row:visible', { hasText: '武汉光谷科技有限公司研发部团支部' }).getByText('选这个').click();
    await visible('下一步：核对信息').waitFor();
    await type('紧急联系人姓名', '李父');
    await type('紧急联系人手机号', '1390000');
    await type('备注', '已签约，希望尽快转入。');
    await tap('下一步：核对信息');
    await shot('apply-form-errors');
    await type('紧急联系人手机号', '13900000009');
    await tap('下一步：核对信息');
    await shot('apply-confirm');
    await tap('确认提交');
    await visible('我的接转').waitFor();
    await shot('my-transfer');

    // the admin's side
    await tap('返回首页');
    await tap('退出登录');
    await type('身份证号', ADMIN);
    await type('密码', ADMIN.slice(-8));
    await tap('登录');
    await tap('管理员工作台');
    await visible('李明').waitFor();
    await shot('admin-inbox');
    await tap('李明');
    await visible('申请信息').waitFor();
    await shot('admin-detail');
    await tap('不同意');
    await shot('admin-reject');
    await tap('取消');
    await tap('同意');
    await shot('admin-approved');
    await page.goto(`${base}/#/admin/inbox/index?box=incoming`);
    await page.waitForTimeout(800);
    await shot('admin-incoming');
    await page.goto(`${base}/#/admin/start/index`);
    await page.waitForTimeout(800);
    await tap('搜索');
    await shot('admin-start');
  } catch (e) {
    problems.push(`journey stopped: ${e.message.split('\n')[0]}`);
  } finally {
    await browser.close();
    server.kill();
  }
  console.log(`${n} screenshots in ${out}`);
  for (const p of problems) console.error(`PROBLEM ${p}`);
  process.exit(problems.length ? 1 : 0);
})();
