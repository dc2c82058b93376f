import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import ServiceTip from '../../components/ServiceTip'

interface Consultation {
  id: string
  name: string
  phone: string
}

export default function Consult() {
  const [list] = useState<Consultation[]>([])
  return (
    <View className='consult'>
      {list.map((item) => (
        <View key={item.id} className='card'>
          <Text>{item.name}</Text>
          <Text>联系电话：{item.phone}</Text>
        </View>
      ))}
      <ServiceTip />
    </View>
  )
}
