import Taro from '@tarojs/taro'
import { View, Button } from '@tarojs/components'
import { judgingEnv, payAsync } from '../../utils/ttpay'

export default function Booking() {
  const book = async () => {
    if (!judgingEnv()) {
      Taro.showToast({ title: '请在抖音中打开', icon: 'none' })
      return
    }
    const res = await payAsync({ orderInfo: {}, service: 5 })
    Taro.redirectTo({ url: `/pages/result/index?code=${res.code}` })
  }
  return (
    <View>
      <View className='ticket'>成人票 门票</View>
      <Button onClick={book}>立即预订</Button>
    </View>
  )
}
