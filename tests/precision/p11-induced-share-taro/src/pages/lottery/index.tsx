import { View, Text, Button } from '@tarojs/components'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'

export default function Lottery() {
  const [chances, setChances] = useState(1)
  useShareAppMessage(() => {
    setChances((c) => c + 1)
    return { title: '今天的手气不错，一起来抽奖', path: '/pages/lottery/index' }
  })
  const draw = () => {
    if (chances <= 0) {
      Taro.showToast({ title: '次数已用完', icon: 'none' })
      return
    }
    setChances(chances - 1)
  }
  return (
    <View className='lottery'>
      <Text className='count'>剩余 {chances} 次</Text>
      <Text className='tip'>分享后可获得一次抽奖机会</Text>
      <Button onClick={draw}>抽奖</Button>
    </View>
  )
}
