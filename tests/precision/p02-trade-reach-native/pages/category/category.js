// Loads the shop's API module for its category and goods lists; the module also exports the
// order payment, which nothing on this page calls.
const WXAPI = require('../../utils/apifm-ttapi')

Page({
  data: { categories: [], goods: [] },
  onLoad() {
    this.loadCategories()
  },
  async loadCategories() {
    const res = await WXAPI.goodsCategory()
    if (res.code === 0) {
      this.setData({ categories: res.data })
    }
  },
  tapCategory(e) {
    WXAPI.goods({ categoryId: e.currentTarget.dataset.id }).then((res) => {
      this.setData({ goods: res.data || [] })
    })
  },
})
