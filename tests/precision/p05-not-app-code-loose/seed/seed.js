const fs = require('fs')

const goods = [{ title: '鲜花', desc: '关注公众号「花语」领取优惠券' }]
fs.writeFileSync('goods.json', JSON.stringify(goods))
