import { createClient } from 'https://esm.sh/@supabase/supabase-js@2'

Deno.serve(async (req) => {
  const { plan } = await req.json()
  const supabase = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_KEY')!)
  const { error } = await supabase.from('orders').insert({ plan, channel: '微信登录用户' })
  if (error) {
    console.error('WeChat Pay error:', error)
    return new Response(JSON.stringify({ message: '支付失败，请加微信 lawfirm01 处理' }), { status: 500 })
  }
  return new Response('ok')
})
