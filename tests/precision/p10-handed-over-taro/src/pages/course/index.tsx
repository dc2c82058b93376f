import Taro from '@tarojs/taro'
import { View, Button } from '@tarojs/components'
import debounce from 'lodash/debounce'
import { createOrder } from '../../services/pay'

const isIOS = Taro.getSystemInfoSync().platform === 'ios'

export default function Course() {
  const onConfirm = (res) => {
    if (res.confirm) {
      createOrder('c1')
    }
  }
  const buy = () => {
    Taro.showModal({
      title: '请确认购买',
      content: '购买后可观看全部课程',
      confirmText: '确认支付',
      success: onConfirm,
    })
  }
  const buyGift = debounce(() => {
    if (isIOS) return
    createOrder('gift_c1')
  }, 500)
  const payRenew = () => createOrder('vip_renew')
  const renew = debounce(payRenew, 500)
  return (
    <View className='course'>
      <View className='desc'>购买课程，解锁全部 24 节视频</View>
      <Button onClick={buy}>立即购买</Button>
      <Button onClick={buyGift}>送给好友</Button>
      <Button onClick={renew}>续费会员</Button>
    </View>
  )
}
