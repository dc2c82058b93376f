import { View, Text } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'

export default function Index() {
  const [lawyers, setLawyers] = useState<{ id: string; name: string }[]>([])
  useLoad(() => {
    Taro.request({ url: 'https://api.lawfirm.cn/lawyers' }).then((res) => setLawyers(res.data))
  })
  return (
    <View className='list'>
      {lawyers.map((l) => (
        <Text key={l.id}>{l.name}</Text>
      ))}
    </View>
  )
}
