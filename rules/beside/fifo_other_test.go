//go:build !unix

package beside

import "errors"

func syscallMkfifo(string) error { return errors.New("not supported") }
