package mech

type Bad struct{ other goodState } // another mechanism's state type

func (b *Bad) Declare(m *Model) error {
	_ = m.w.pool // the model's unexported field
	var w world  // the model's state type
	_ = w
	_ = helper() // an unexported helper of another file
	return nil
}
