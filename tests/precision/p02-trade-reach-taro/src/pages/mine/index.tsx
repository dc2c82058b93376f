import { View, Button } from '@tarojs/components'

export default function Mine() {
  return (
    <View>
      <View>我的</View>
      <Button openType='im' data-im-id='tsla_digest'>联系客服</Button>
    </View>
  )
}
