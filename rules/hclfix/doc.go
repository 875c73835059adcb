// Package hclfix builds the text of autofixes: where to insert in a native
// HCL block, and how to write generated lists so that the result is
// formatted the way terraform fmt leaves it and a second run finds nothing
// left to do. References to generated code come from package ref.
package hclfix
