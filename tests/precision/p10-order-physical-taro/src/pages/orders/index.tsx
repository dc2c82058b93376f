import { useState } from 'react'
import { View, Button } from '@tarojs/components'
import { payOrder } from '../../services/pay'

export default function Orders() {
  const [orders] = useState([])
  return (
    <View>
      {orders.map((item) => (
        <View key={item.orderCode}>
          {item.status === 0 && <Button onClick={() => payOrder(item.orderCode)}>去付款</Button>}
        </View>
      ))}
    </View>
  )
}
