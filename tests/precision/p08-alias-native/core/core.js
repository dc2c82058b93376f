var hj = null

if ('undefined' != typeof tt) hj = tt
else if ('undefined' != typeof swan) hj = swan
else hj = my

module.exports = hj
