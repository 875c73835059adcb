package apigw

import "sync"

// lazy is a value computed once, on first use: one field per index of the
// graph, so that two indexes can never be confused.
type lazy[T any] struct {
	once sync.Once
	val  T
}

// get returns the value, computing it with build the first time.
func (l *lazy[T]) get(build func() T) T {
	l.once.Do(func() { l.val = build() })
	return l.val
}
