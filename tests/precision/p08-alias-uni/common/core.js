let hj = null
// #ifdef MP-TOUTIAO
hj = tt
// #endif
// #ifdef MP-WEIXIN
hj = wx
// #endif
// #ifdef MP-ALIPAY
hj = my
// #endif

export default hj
