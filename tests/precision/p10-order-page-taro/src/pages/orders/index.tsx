import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Button } from '@tarojs/components'
import { payOrder } from '../../services/pay'

export default function Orders() {
  const [orders, setOrders] = useState([])
  useDidShow(() => {
    Taro.request({ url: 'https://api.example.cn/orders', success: (res) => setOrders(res.data.list) })
  })
  return (
    <View className='orders'>
      {orders.map((item) => (
        <View key={item.orderNo}>
          <View>{item.title}</View>
          {item.status === 0 && <Button onClick={() => payOrder(item.orderNo)}>继续支付</Button>}
        </View>
      ))}
    </View>
  )
}
