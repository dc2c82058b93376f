// 云函数入口文件
const cloud = require('wx-server-sdk')

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
const db = cloud.database()

exports.main = async (event) => {
  const { OPENID } = cloud.getWXContext()
  if (!OPENID) {
    return { code: 401, msg: '微信登录失败，请重试' }
  }
  const user = await db.collection('users').where({ openid: OPENID }).get()
  return { code: 0, data: user.data[0] || null, tip: '请添加客服微信 starshop88 开通会员' }
}
