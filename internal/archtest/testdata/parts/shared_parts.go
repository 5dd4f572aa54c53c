package parts

// env is the rest of the model as the component reaches it.
type env interface{ score() int }

var _ env = (*World)(nil)
