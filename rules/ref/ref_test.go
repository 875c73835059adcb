package ref

import "testing"

func TestTo(t *testing.T) {
	cases := []struct {
		attr string
		e    Expansion
		want string
	}{
		{"id", Single, "aws_api_gateway_method.get.id"},
		{"id", Count, "aws_api_gateway_method.get[*].id"},
		{"id", ForEach, "values(aws_api_gateway_method.get)[*].id"},
		{"", ForEach, "aws_api_gateway_method.get"},
	}
	for _, tc := range cases {
		if got := To("aws_api_gateway_method.get", tc.attr, tc.e); got != tc.want {
			t.Errorf("To(%q, %d) = %q, want %q", tc.attr, tc.e, got, tc.want)
		}
	}
}

func TestInstanceOf(t *testing.T) {
	cases := []struct {
		e              Expansion
		meta, instance string
	}{
		{Single, "", "x.y"},
		{Count, "count = length(x.y)", "x.y[count.index]"},
		{ForEach, "for_each = x.y", "x.y[each.key]"},
	}
	for _, tc := range cases {
		if meta, instance := InstanceOf("x.y", tc.e); meta != tc.meta || instance != tc.instance {
			t.Errorf("InstanceOf(%d) = %q, %q", tc.e, meta, instance)
		}
	}
}
