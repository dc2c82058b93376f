Component({
  properties: { navs: Array, nickname: String },
})
