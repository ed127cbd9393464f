/** The error answers the document names: one ErrorBody schema, a Chinese description and an example each. */
export const ERROR_RESPONSES: Record<number, { description: string; example: Record<string, unknown> }> = {
  400: {
    description: '请求有误：字段校验失败（`VALIDATION_FAILED`，`errors` 列出每个字段的原因），请求体不是有效的 JSON（`MALFORMED_JSON`），或其他输入错误（如 `WEAK_PASSWORD`、`SEARCH_TOO_SHORT`）',
    example: { code: 'VALIDATION_FAILED', message: '提交的内容有误，请按提示修改', errors: [{ field: 'remarks', message: '备注不超过 100 字' }] },
  },
  401: {
    description: '未登录、登录已过期或令牌无效（`UNAUTHENTICATED`）；登录时为身份证号或密码错误',
    example: { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' },
  },
  403: {
    description: '无权操作：不在您的管理范围内、当前不是您处理的环节，或首次登录尚未修改初始密码（`PASSWORD_CHANGE_REQUIRED`）',
    example: { code: 'FORBIDDEN', message: '您没有权限进行此操作' },
  },
  404: {
    description: '不存在，或不在您的管理范围内（两者答复相同，不泄露是否存在）',
    example: { code: 'NOT_FOUND', message: '接转申请不存在或不在您的管理范围内' },
  },
  409: {
    description: '与当前状态冲突：例如该团员已有进行中的接转、申请已被处理',
    example: { code: 'TRANSFER_IN_PROGRESS', message: '已有业务正在办理，请等它办结或撤回后再发起' },
  },
  410: {
    description: '提醒链接已过期（`REMINDER_EXPIRED`）',
    example: { code: 'REMINDER_EXPIRED', message: '提醒链接已过期，请联系辅导员重新发送，或直接打开“衔接”办理' },
  },
  413: {
    description: '请求体过大或层级、字段过多（`PAYLOAD_TOO_LARGE`）',
    example: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' },
  },
  422: {
    description: '内容格式正确但不符合业务规则：例如所选组织不适合该去向、导入文件有错误行',
    example: { code: 'TARGET_NOT_ALLOWED', message: '接收组织不符合要求：该组织不是用人单位团组织', reason: '该组织不是用人单位团组织' },
  },
  429: {
    description: '操作过于频繁或账号暂时锁定；`retryAfterSeconds` 为可重试的等待秒数',
    example: { code: 'TOO_MANY_ATTEMPTS', message: '尝试过于频繁，请 5 分钟后再试', retryAfterSeconds: 300 },
  },
  503: {
    description: '数据库暂不可用（`DATABASE_UNAVAILABLE`），稍后重试',
    example: { code: 'DATABASE_UNAVAILABLE', message: '数据库暂时不可用，请稍后重试' },
  },
};
