#!/usr/bin/env node
/**
 * The issue-5 happy path against a running API with the demo data (H5 served at `/`):
 * graduate 李明 logs in, changes the password, answers "employed, employer has a league org",
 * picks 东风智造 研发中心团支部, submits; 王老师 approves; 马书记 accepts; 李明 sees 已办结.
 *   XJ_BASE_URL=http://127.0.0.1:3000 node test/preview/journey.js
 * A first sketch of the browser e2e; screenshots go to apps/miniapp/artifacts/journey/.
 */
const { mkdirSync } = require('node:fs');
const { join } = require('node:path');
const { chromium } = require('playwright-core');

const base = process.env.XJ_BASE_URL || 'http://127.0.0.1:3000';
const out = join(__dirname, '..', '..', 'artifacts', 'journey');
mkdirSync(out, { recursive: true });
const GRAD = '420111200201101019';
const COLLEGE = '420102198802025027';
const RECEIVER = '420102198605055067';

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let n = 0;
  let page;
  const shot = async (name) => {
    n += 1;
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    if (wide > 375) { console.error(`${name}: ${wide}px wide (scrolls sideways)`); process.exitCode = 1; }
    await page.screenshot({ path: join(out, `${String(n).padStart(2, '0')}-${name}.png`), fullPage: true });
  };
  const visible = (text) => page.getByText(text, { exact: true }).locator('visible=true').first();
  const tap = async (text) => { await visible(text).click(); await page.waitForTimeout(300); };
  const type = async (label, value) => page.getByLabel(label).locator('visible=true').first().fill(value);
  async function login(id, password) {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`${base}/`);
    await type('身份证号', id);
    await type('密码', password);
    await tap('登录');
  }
  async function changePassword(old) {
    await visible('确认修改').waitFor();
    await type('当前密码', old);
    await type('新密码', 'Xianjie-2026');
    await type('再次输入新密码', 'Xianjie-2026');
    await tap('确认修改');
  }
  try {
    await login(GRAD, GRAD.slice(-8));
    await changePassword(GRAD.slice(-8));
    await visible('开始办理组织关系转接').waitFor();
    await shot('home');
    await tap('开始办理组织关系转接');
    await tap('已落实工作单位（含自主创业）');
    await tap('是，我是团员');
    await tap('能查到');
    await tap('有');
    await tap('其他省（区、市）');
    await tap('选择接收组织');
    await visible('搜索').waitFor();
    await shot('picker');
    await type('输入组织名称搜索', '研发中心');
    await tap('搜索');
    await page.locator('.org-row:visible', { hasText: '研发中心团支部' }).getByText('选这个').click();
    await type('紧急联系人姓名', '李父');
    await type('紧急联系人手机号', '13900000009');
    await type('备注', '已签约东风智造');
    await tap('下一步：核对信息');
    await shot('confirm');
    await tap('确认提交');
    await visible('待转出组织审批').waitFor({ timeout: 10000 });
    await shot('submitted');

    await login(COLLEGE, COLLEGE.slice(-8));
    await changePassword(COLLEGE.slice(-8));
    await tap('管理员工作台');
    await visible('李明').waitFor();
    await shot('college-inbox');
    await tap('李明');
    await visible('同意').waitFor();
    await shot('college-detail');
    await tap('同意');
    await visible('已处理').waitFor();

    await login(RECEIVER, RECEIVER.slice(-8));
    await changePassword(RECEIVER.slice(-8));
    await tap('管理员工作台');
    await tap('转入审批');
    await visible('李明').waitFor();
    await tap('李明');
    await tap('同意接收');
    await visible('已处理').waitFor();
    await shot('receiver-accepted');

    await login(GRAD, 'Xianjie-2026');
    await tap('我的接转');
    await visible('已办结').waitFor();
    await shot('completed');
    console.log(`journey ok, ${n} screenshots in ${out}`);
  } catch (e) {
    await shot('failure').catch(() => {});
    console.error(`journey stopped: ${e.message.split('\n')[0]}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
})();
