#!/usr/bin/env node
/**
 * A stand-in API for looking at the H5 build before (or without) the real one: serves
 * dist/h5 at `/` and answers /api/v1 from memory with a tiny org tree, one graduate and
 * one college admin. Not a test of the API — only of what the screens show.
 *   node test/preview/mock-api.js [port]
 */
const http = require('node:http');
const { readFileSync, existsSync, statSync } = require('node:fs');
const { join, extname } = require('node:path');

const root = join(__dirname, '..', '..', 'dist', 'h5');
const port = Number(process.argv[2] || process.env.PORT || 4173);

// Valid GB 11643 numbers from the rules library itself (built here if stale, as `npm start` does).
const { buildIfStale, RULES } = require('../../../../scripts/build-if-stale');
buildIfStale(RULES);
const { idCheckChar } = require('@xianjie/rules');
const idNumber = (first17) => first17 + idCheckChar(first17);
const GRAD_ID = idNumber('42010220020315011');
const ADMIN_ID = idNumber('42010219850101002');

const path = (...ids) => ids.map((id) => ({ id, name: orgs[id].name }));
const orgs = {};
function addOrg(id, name, kind, domain, province, parentId, purpose = null, isTownship = false) {
  orgs[id] = { id, name, kind, domain, province, parentId, purpose, isTownship };
}
addOrg('cyl', '共青团中央', 'leading-organ', 'government', 'beijing', null);
addOrg('hb', '共青团湖北省委', 'leading-organ', 'government', 'hubei', 'cyl');
addOrg('bj', '共青团北京市委', 'leading-organ', 'government', 'beijing', 'cyl');
addOrg('gd', '共青团广东省委', 'leading-organ', 'government', 'guangdong', 'cyl');
addOrg('wh', '共青团武汉市委', 'leading-organ', 'government', 'hubei', 'hb');
addOrg('hust', '华中示范大学团委', 'committee', 'school', 'hubei', 'hb');
addOrg('cs', '计算机学院团委', 'committee', 'school', 'hubei', 'hust');
addOrg('cs-2021-1', '计算机学院2021级1班团支部', 'branch', 'school', 'hubei', 'cs', 'class');
addOrg('hust-float', '华中示范大学流动团员团支部', 'branch', 'school', 'hubei', 'hust', 'floating');
addOrg('ggkj', '武汉光谷科技有限公司团委', 'committee', 'enterprise', 'hubei', 'wh');
addOrg('ggkj-rd', '武汉光谷科技有限公司研发部团支部', 'branch', 'enterprise', 'hubei', 'ggkj');
addOrg('gs', '洪山区关山街道团工委', 'working-committee', 'township', 'hubei', 'wh', null, true);
addOrg('gs-t', '关山街道学社衔接临时团支部', 'branch', 'township', 'hubei', 'gs', 'transition');
for (const o of Object.values(orgs)) {
  const chain = [];
  for (let c = o; c; c = orgs[c.parentId]) chain.unshift(c.id);
  o.pathIds = chain;
}
const view = (o) => ({
  id: o.id, name: o.name, kind: o.kind, domain: o.domain, province: o.province, purpose: o.purpose,
  isTownship: o.isTownship, parentId: o.parentId,
  hasChildren: Object.values(orgs).some((c) => c.parentId === o.id), path: path(...o.pathIds),
});

const users = {
  [GRAD_ID]: { id: 'm-1', name: '李明', password: GRAD_ID.slice(-8), must: true, phone: '13800000001', roles: [],
    member: { orgId: 'cs-2021-1', graduationYear: 2025, isGraduate: true } },
  [ADMIN_ID]: { id: 'a-1', name: '王老师', password: ADMIN_ID.slice(-8), must: false, phone: '13800000002',
    roles: [{ role: 'org-admin', orgId: 'cs', orgName: '计算机学院团委' }, { role: 'org-admin', orgId: 'ggkj', orgName: '武汉光谷科技有限公司团委' }], member: null },
};
const tokens = {};
const transfers = [];
const mask = (id) => id.slice(0, 3) + '*'.repeat(11) + id.slice(-4);

function me(u, idNo) {
  return {
    id: u.id, name: u.name, idNumberMasked: mask(idNo), phone: u.phone, roles: u.roles,
    member: u.member && { ...u.member, orgName: orgs[u.member.orgId].name, orgPath: path(...orgs[u.member.orgId].pathIds) },
  };
}

const send = (res, status, body) => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(body === undefined ? '' : JSON.stringify(body));
};
const fail = (res, status, code, message, errors) => send(res, status, { code, message, ...(errors ? { errors } : {}) });

function actionsFor(t, who) {
  if (who.member) return ['pending-outgoing', 'pending-incoming'].includes(t.status) ? ['withdraw'] : [];
  if (t.status === 'pending-outgoing') return ['approve', 'reject'];
  if (t.status === 'pending-incoming') return ['approve', 'reject'];
  if (t.status === 'pending-assignment') return ['assign'];
  return [];
}
function event(t, who, action, toStatus, comment = null) {
  t.events.push({ at: new Date().toISOString(), actorId: who.id, actorName: who.name, action, comment, fromStatus: t.status, toStatus });
  t.status = toStatus;
  t.updatedAt = new Date().toISOString();
}

async function api(req, res, url) {
  const body = await new Promise((ok) => {
    let s = '';
    req.on('data', (c) => (s += c));
    req.on('end', () => { try { ok(s ? JSON.parse(s) : {}); } catch { ok({}); } });
  });
  const p = url.pathname.replace(/^\/api\/v1/, '');
  if (p === '/health') return send(res, 200, { status: 'ok' });
  if (p === '/auth/login' && req.method === 'POST') {
    const u = users[body.idNumber];
    if (!u || u.password !== body.password) return fail(res, 401, 'INVALID_CREDENTIALS', '身份证号或密码不正确');
    const token = `tok-${u.id}`;
    tokens[token] = body.idNumber;
    return send(res, 200, { token, mustChangePassword: u.must, user: { id: u.id, name: u.name, roles: u.roles } });
  }
  const idNo = tokens[(req.headers.authorization || '').replace('Bearer ', '')];
  const who = users[idNo];
  if (!who) return fail(res, 401, 'UNAUTHENTICATED', '请先登录');
  if (p === '/auth/change-password') {
    if (body.oldPassword !== who.password) return fail(res, 400, 'VALIDATION_FAILED', '当前密码不正确', [{ field: 'oldPassword', message: '当前密码不正确' }]);
    who.password = body.newPassword;
    who.must = false;
    return send(res, 204);
  }
  if (who.must) return fail(res, 403, 'PASSWORD_CHANGE_REQUIRED', '请先修改初始密码');
  if (p === '/me') return send(res, 200, me(who, idNo));
  if (p === '/orgs') {
    const q = url.searchParams.get('q');
    const parentId = url.searchParams.get('parentId');
    const list = Object.values(orgs).filter((o) => (q ? o.name.includes(q) : (o.parentId || '') === (parentId || '')));
    return send(res, 200, list.map(view));
  }
  if (p === '/members') {
    return send(res, 200, [{ id: 'm-1', name: '李明', idNumberMasked: mask(GRAD_ID), phone: '138****0001', orgId: 'cs-2021-1', orgName: orgs['cs-2021-1'].name, graduationYear: 2025 }]);
  }
  let m;
  if ((m = /^\/members\/([^/]+)\/transfers$/.exec(p))) {
    return send(res, 200, transfers.filter((t) => t.memberId === m[1]).slice().reverse().map((t) => ({ ...t, allowedActions: actionsFor(t, who) })));
  }
  if (p === '/transfers' && req.method === 'POST') {
    if (transfers.some((t) => t.memberId === 'm-1' && t.status.startsWith('pending'))) {
      return fail(res, 409, 'TRANSFER_IN_PROGRESS', '已有业务正在办理（由李明发起），不能重复发起。');
    }
    const target = body.targetOrgId ? orgs[body.targetOrgId] : null;
    const t = {
      id: `t-${transfers.length + 1}`, memberId: 'm-1', memberName: '李明', status: 'pending-outgoing',
      path: body.answers?.destination === 'military' ? 'special-unit' : 'standard', target: 'employer-org',
      targetOrgId: target?.id ?? null, targetOrgName: target?.name ?? body.targetOrgName ?? null,
      crossSystem: !target && !!body.targetOrgName, receiverIsBranch: target ? target.kind === 'branch' : true,
      startedBy: { id: who.id, name: who.name, party: who.member ? 'member' : 'outgoing-admin' },
      createdAt: new Date().toISOString(), stageDeadline: new Date(Date.now() + 15 * 864e5).toISOString(),
      remarks: body.remarks ?? null, answers: body.answers, rejectionReason: null, nextSteps: [], events: [],
      application: {
        name: '李明', idNumberMasked: mask(GRAD_ID), phone: '13800000001', emergencyContact: body.emergencyContact ?? null,
        outgoingBranch: { id: 'cs-2021-1', name: orgs['cs-2021-1'].name }, outgoingAdmin: { name: '王老师', phone: '13800000002' },
        superiorPhone: '027-87000000', separateSystemProvince: null, reason: '已落实工作单位',
        receiver: target?.name ?? body.targetOrgName ?? null, submittedAt: new Date().toISOString(), remarks: body.remarks ?? null,
      },
    };
    t.events.push({ at: t.createdAt, actorId: who.id, actorName: who.name, action: 'submit', comment: null, fromStatus: null, toStatus: 'pending-outgoing' });
    transfers.push(t);
    return send(res, 201, t);
  }
  if (p === '/transfers' && req.method === 'GET') {
    const box = url.searchParams.get('box');
    const status = url.searchParams.get('status');
    const inBox = transfers.filter((t) => (box === 'incoming' ? t.status !== 'pending-outgoing' && t.targetOrgId : true));
    const counts = {};
    for (const t of inBox) counts[t.status] = (counts[t.status] || 0) + 1;
    return send(res, 200, { items: inBox.filter((t) => !status || t.status === status).map((t) => ({ ...t, allowedActions: actionsFor(t, who) })), counts });
  }
  if ((m = /^\/transfers\/([^/]+)(?:\/(approve|reject|withdraw|assign))?$/.exec(p))) {
    const t = transfers.find((x) => x.id === m[1]);
    if (!t) return fail(res, 404, 'NOT_FOUND', '没有找到这笔业务');
    const action = m[2];
    if (action === 'approve') {
      const next = t.status === 'pending-outgoing' ? (t.crossSystem ? 'completed' : 'pending-incoming')
        : t.status === 'pending-incoming' ? (t.receiverIsBranch ? 'completed' : 'pending-assignment') : null;
      if (!next) return fail(res, 409, 'ACTION_NOT_ALLOWED', '现在不能审批');
      event(t, who, 'approve', next, body.comment ?? null);
    } else if (action === 'reject') {
      if (!body.reason) return fail(res, 400, 'VALIDATION_FAILED', '请填写原因', [{ field: 'reason', message: '请填写原因' }]);
      event(t, who, 'reject', 'rejected', body.reason);
      t.rejectionReason = body.reason;
      t.nextSteps = ['请根据原因修改后重新发起。'];
    } else if (action === 'withdraw') {
      event(t, who, 'withdraw', 'withdrawn');
    } else if (action === 'assign') {
      event(t, who, 'assign', 'completed', orgs[body.branchId]?.name ?? null);
    }
    return send(res, 200, { ...t, allowedActions: actionsFor(t, who) });
  }
  return fail(res, 404, 'NOT_FOUND', '没有这个接口');
}

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml' };
http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname.startsWith('/api/v1/')) return void api(req, res, url).catch((e) => fail(res, 500, 'INTERNAL', String(e)));
  let file = join(root, decodeURIComponent(url.pathname));
  if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  res.writeHead(200, { 'Content-Type': types[extname(file)] || 'application/octet-stream' });
  res.end(readFileSync(file));
}).listen(port, '127.0.0.1', () => {
  console.log(`mock API + h5 on http://127.0.0.1:${port}  graduate ${GRAD_ID}  admin ${ADMIN_ID}`);
});
