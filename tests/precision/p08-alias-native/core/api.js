const ROOT = 'https://mall.example.cn/index.php?r=api/'

module.exports = {
  submit: ROOT + 'order/submit',
  payData: ROOT + 'order/pay-data',
}
