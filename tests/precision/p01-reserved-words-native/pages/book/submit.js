Page({
  data: {
    form_list: [],
    default: null,
    class: 'plain',
    new: false,
  },
  onInput(e) {
    const index = e.currentTarget.dataset.id
    this.setData({ [`form_list[${index}].default`]: e.detail.value })
  },
  submit() {
    tt.navigateBack()
  },
})
