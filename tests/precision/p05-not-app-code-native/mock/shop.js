// 本地联调用的假数据（页面不引用）
module.exports = {
  shop: { name: '星光花店', notice: '加微信 starshop88 预订鲜花，QQ群：123456789' },
  goods: [{ id: 1, title: '红玫瑰 11 枝', price: 199 }],
}
