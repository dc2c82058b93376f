import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { checkSubscription } from '../../services/payment'

export default function AiAssistant() {
  const [pro, setPro] = useState(false)
  useEffect(() => {
    checkSubscription().then((info) => setPro(info.active))
  }, [])
  return (
    <View className='assistant'>
      <Text>{pro ? '专业版已开通' : '免费版'}</Text>
    </View>
  )
}
