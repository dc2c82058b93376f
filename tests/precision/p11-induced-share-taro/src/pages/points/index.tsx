import { View, Text } from '@tarojs/components'

export default function Points() {
  return (
    <View className='points'>
      <Text>签到得积分，积分可兑换抽奖次数</Text>
      <Text>邀请好友得积分（活动已结束）</Text>
    </View>
  )
}
