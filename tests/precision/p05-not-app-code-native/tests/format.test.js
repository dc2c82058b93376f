const { tip } = require('../utils/format')

test('the notice keeps the contact', () => {
  expect(tip('starshop88')).toBe('添加客服微信 starshop88 领券')
})
