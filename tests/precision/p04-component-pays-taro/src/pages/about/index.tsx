import { View } from '@tarojs/components'
import { formatPrice } from '../../services/pay'

export default function About() {
  return <View>课程均价 ¥{formatPrice(19900)}</View>
}
