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

// memo is a family of values computed once per key, on first use: an index
// whose key is part of the question (one attribute of one kind, say).
type memo[K comparable, V any] struct {
	mu  sync.Mutex
	val map[K]V
}

// get returns the value for key, computing it with build the first time.
func (m *memo[K, V]) get(key K, build func() V) V {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.val[key]; ok {
		return v
	}
	if m.val == nil {
		m.val = map[K]V{}
	}
	v := build()
	m.val[key] = v
	return v
}
