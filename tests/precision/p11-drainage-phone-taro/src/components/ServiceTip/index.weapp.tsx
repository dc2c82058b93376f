import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'

export default function ServiceTip() {
  return (
    <View>
      <Text>服务热线：400-800-8888</Text>
      <Button onClick={() => Taro.makePhoneCall({ phoneNumber: '4008008888' })}>拨打</Button>
    </View>
  )
}
