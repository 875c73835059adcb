package apigw

import "fmt"

// NodePanic is a panic raised while a rule looked at one block: it carries
// the block so the report can name it.
type NodePanic struct {
	Node  *Node
	Value any
}

func (p *NodePanic) Error() string {
	return fmt.Sprintf("%s (%s): %v", p.Node.Address(), p.Node.Block.DefRange, p.Value)
}

// Visit calls fn for every node in order and stops at the first error. A
// panic inside fn is raised again as a *NodePanic naming the node, for the
// ruleset's guard to report.
func Visit(nodes []*Node, fn func(*Node) error) error {
	for _, n := range nodes {
		if err := visitOne(n, fn); err != nil {
			return err
		}
	}
	return nil
}

func visitOne(n *Node, fn func(*Node) error) error {
	defer func() {
		if p := recover(); p != nil {
			if _, named := p.(*NodePanic); named {
				panic(p)
			}
			panic(&NodePanic{Node: n, Value: p})
		}
	}()
	return fn(n)
}
