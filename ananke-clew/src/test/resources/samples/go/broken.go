package broken

import "fmt"

func Good(name string) string {
	return fmt.Sprintf("hello %s", name)
}

func Bad(x int) int {
	return x +
}

type After struct {
	Name string
}
