// The share card (onShareAppMessage) is offered only when the page config enables it.
export default definePageConfig({ navigationBarTitleText: '发送提醒', enableShareAppMessage: true })
