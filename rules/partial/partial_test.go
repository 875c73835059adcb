package partial

import "testing"

func TestMarkedRoundTrip(t *testing.T) {
	s := Lit("arn:aws:execute-api:").Append(Unknown("var.region")).Append(Lit(":123:")).Append(Unknown(""))
	text, holes := s.Marked()
	if got := Unmark(text, holes).String(); got != "arn:aws:execute-api:${var.region}:123:${...}" {
		t.Fatalf("round trip: %q", got)
	}
	if _, ok := s.Known(); ok {
		t.Fatal("a string with holes is not known")
	}
	if v, ok := Lit("a").Append(Lit("b")).Known(); !ok || v != "ab" {
		t.Fatalf("known: %q %v", v, ok)
	}
}

func TestUnmarkOutOfRange(t *testing.T) {
	s := Unmark("x"+Marker(7)+"y", nil)
	if len(s.Parts) != 3 || !s.Parts[1].Hole || s.Parts[1].Ref != "" {
		t.Fatalf("parts: %#v", s.Parts)
	}
	if got := Unmark("plain", nil); got.String() != "plain" || got.HasHoles() {
		t.Fatalf("plain: %#v", got)
	}
}
